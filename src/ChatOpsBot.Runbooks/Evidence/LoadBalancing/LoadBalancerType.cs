namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

public enum LoadBalancerType
{
    Application,
    Network,
    Gateway,
    Classic,
}
