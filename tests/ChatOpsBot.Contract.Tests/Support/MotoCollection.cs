namespace ChatOpsBot.Contract.Tests.Support;

/// <summary>Every contract test shares one seeded moto server; tests in one collection run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
