using System.Globalization;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>Facts every platform's artifact must agree on, read from the image definition (the one source).</summary>
internal static class DeployFacts
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string MetricsPath = "/metrics";

    public static Dockerfile Image => Dockerfile.Load(DeployPaths.Deploy("container", "Dockerfile"));

    /// <summary>The port the image EXPOSEs (the bot's Urls default).</summary>
    public static int ContainerPort =>
        int.Parse(Image.FinalStage.Single(i => i.Keyword == "EXPOSE").Arguments.Split('/')[0], CultureInfo.InvariantCulture);

    /// <summary>The numeric uid of the final stage's USER.</summary>
    public static int ImageUid =>
        int.Parse(Image.FinalStage.Last(i => i.Keyword == "USER").Arguments.Split(':')[0], CultureInfo.InvariantCulture);

    /// <summary>What the platform's kill timeout must leave after Shutdown__GracePeriod: the bot then marks what did not
    /// finish as interrupted, edits those messages and exits, and the runtime unwinds.</summary>
    public static readonly TimeSpan AfterGraceMargin = TimeSpan.FromSeconds(5);

    /// <summary>Fails, naming both settings, unless the kill timeout outlasts the grace period by <see cref="AfterGraceMargin"/>.</summary>
    public static void AssertOutlastsGrace(TimeSpan grace, TimeSpan kill, string killSetting) =>
        Assert.True(
            grace + AfterGraceMargin <= kill,
            $"Shutdown__GracePeriod {grace} plus {AfterGraceMargin.TotalSeconds} s to hand over and exit must fit in {killSetting} ({kill.TotalSeconds} s), or the bot is killed mid-hand-over");

    /// <summary>Shutdown__GracePeriod as the bot reads it (a TimeSpan, "hh:mm:ss").</summary>
    public static TimeSpan ParseGracePeriod(string value) => TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}
