namespace ChatOpsBot.Runbooks.Causes;

public static class CauseStatuses
{
    public static string ToWire(this CauseStatus status) => status switch
    {
        CauseStatus.Confirmed => "confirmed",
        CauseStatus.RuledOut => "ruled-out",
        CauseStatus.Inconclusive => "inconclusive",
        _ => "not-checked",
    };
}
