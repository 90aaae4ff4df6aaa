namespace ChatOpsBot.Contract.Tests.Support;

public sealed record SeededInstance(string InstanceId, string SubnetId, string PrivateIp);
