namespace ChatOpsBot.Runbooks.Http503;

public enum Http503Trigger
{
    /// <summary>Start the runbook.</summary>
    Begin,

    /// <summary>The current step is done; guards over the stored evidence choose the next one.</summary>
    Continue,
}
