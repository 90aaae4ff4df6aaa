using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class DnsCheckTests
{
    [Fact]
    public void Run_DnsSupportOff_ConfirmsWithModifyVpcAttribute()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Vpc = Shop.Vpc(dnsSupport: false);

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.StartsWith("DNS resolution is turned off in vpc-0shop (enableDnsSupport=false)", f.Summary, StringComparison.Ordinal);
        Assert.Contains(f.Evidence, e => e.Source == "ec2:DescribeVpcAttribute" && e.Resources.SequenceEqual([Shop.VpcId]));
        Assert.Equal("aws ec2 modify-vpc-attribute --vpc-id vpc-0shop --enable-dns-support '{\"Value\":true}' --region eu-west-1", f.Fix!.Command);
    }

    [Fact]
    public void Run_DnsSupportOffAndHealthChecksFailWith5xx_NamesTheFailingTargets()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Vpc = Shop.Vpc(dnsSupport: false);
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 502)];

        DnsCheck.Run(s);

        Assert.Contains($"health checks failing with 5xx on {Shop.InstanceA}", s.Findings[CauseId.Dns].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DhcpOptionsWithoutServers_Confirms()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.DhcpOptions = Shop.DhcpOptions();

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("DHCP option set dopt-0shop gives instances no DNS server.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Source == "ec2:DescribeDhcpOptions" && e.Text == "dopt-0shop: domain-name-servers=(none).");
        Assert.Equal(
            "aws ec2 create-dhcp-options --dhcp-configurations Key=domain-name-servers,Values=AmazonProvidedDNS --query DhcpOptions.DhcpOptionsId --output text --region eu-west-1\n"
            + $"aws ec2 associate-dhcp-options --dhcp-options-id '<new-dhcp-options-id>' --vpc-id {Shop.VpcId} --region eu-west-1",
            f.Fix!.Command);
    }

    [Fact]
    public void Run_CustomResolversAndHealthChecksFailWith5xx_Inconclusive()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.DhcpOptions = Shop.DhcpOptions("192.168.50.2", "192.168.50.3");
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 503), Shop.Healthy(Shop.InstanceB, Shop.ZoneB)];

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("custom DNS servers (192.168.50.2, 192.168.50.3, outside the VPC)", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CustomResolversWithoutSymptoms_RulesOut()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.DhcpOptions = Shop.DhcpOptions("10.0.0.53");

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Contains(f.Evidence, e => e.Text.StartsWith("Custom DNS servers in use (10.0.0.53)", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_LoadBalancerNameDoesNotResolveFromTheBot_InconclusiveNeverConfirmed()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.LoadBalancerDns = new NameResolution(Shop.AlbDnsName, [], "NXDOMAIN", "system");

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("does not resolve from where the bot runs (NXDOMAIN, resolver system)", f.Summary, StringComparison.Ordinal);
        Assert.Contains(f.Evidence, e => e.Source == "dns" && e.Resources.SequenceEqual([Shop.AlbArn]));
    }

    [Fact]
    public void Run_InternalLoadBalancerNameResolvesToOtherAddresses_Inconclusive()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Lookup = s.Evidence.Lookup! with { LoadBalancer = Shop.Alb() with { Scheme = "internal" } };
        s.Evidence.LoadBalancerDns = new NameResolution(Shop.AlbDnsName, ["10.9.9.9"], null, "system");

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("none of which is a current node of shop-alb", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HealthyVpcAndResolvingName_RulesOut()
    {
        var s = TestSessions.HealthyAlb();

        DnsCheck.Run(s);

        var f = s.Findings[CauseId.Dns];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Null(f.Fix);
        Assert.Contains(f.Evidence, e => e.Text == $"{Shop.AlbDnsName} resolves to 52.50.1.10, 52.50.3.10 (resolver system).");
    }
}
