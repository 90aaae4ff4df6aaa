using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class CapacityCheckTests
{
    /// <summary>Advice that AWS's documentation says is wrong for ALB/NLB (reference section 6).</summary>
    private static readonly string[] WrongAdvice = ["SpilloverCount", "SurgeQueueLength", "NumberOfNodes", "number of nodes", "node count"];

    [Fact]
    public void Run_ActiveImpaired_ConfirmsWithAnLcuReservation()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Lookup = s.Evidence.Lookup! with { LoadBalancer = Shop.Alb("active_impaired", "Load balancer is impaired: insufficient capacity in eu-west-1b") };

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.StartsWith("shop-alb is active_impaired: AWS reports it is running but cannot scale (Load balancer is impaired", f.Summary, StringComparison.Ordinal);
        Assert.Equal($"aws elbv2 modify-capacity-reservation --load-balancer-arn {Shop.AlbArn} --minimum-load-balancer-capacity 'CapacityUnits=<lcus>' --region eu-west-1", f.Fix!.Command);
        Assert.Contains("PeakLCUs was not available", f.Fix.Summary, StringComparison.Ordinal);
        AssertNoWrongAdvice(f);
    }

    [Fact]
    public void Run_ActiveImpairedWithSubnetsOutOfAddresses_MovesSubnetsInsteadOfReserving()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Lookup = s.Evidence.Lookup! with { LoadBalancer = Shop.Alb("active_impaired", null) };
        s.Evidence.Subnets = [.. Shop.Subnets().Select(x => x.SubnetId == Shop.LbSubnetA ? x with { AvailableIpAddressCount = 2 } : x with { AvailableIpAddressCount = 200 })];

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Contains(Shop.LbSubnetA, f.Summary, StringComparison.Ordinal);
        Assert.Contains(f.Evidence, e => e.Text.StartsWith($"{Shop.LbSubnetA} ({Shop.ZoneA}, 10.0.1.0/24) has 2 free IP addresses", StringComparison.Ordinal));
        Assert.Equal($"aws elbv2 set-subnets --load-balancer-arn {Shop.AlbArn} --subnets '<larger-subnet-in-{Shop.ZoneA}>' {Shop.LbSubnetB} --region eu-west-1", f.Fix!.Command);
        Assert.DoesNotContain("modify-capacity-reservation", f.Fix.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RejectedConnections_ConfirmsWithCapacityUnitsDerivedFromPeakLcus()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.Rejected, 0, 120, 35)
            .With(Http503Metrics.PeakLcus, 12, 38.2, 40)
            .With(Http503Metrics.Requests, 20_000, 90_000, 60_000)
            .Build();

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("shop-alb rejected 155 connections because it reached its maximum number of connections (RejectedConnectionCount).", f.Summary);
        Assert.Contains(f.Evidence, e => e.Text == "PeakLCUs reached 40 in one minute.");
        Assert.Contains(f.Evidence, e => e.Text == "RejectedConnectionCount: 155 in the last 60 min.");
        Assert.Equal("Reserve 60 LCUs (1.5 x the peak seen) of capacity for shop-alb ahead of the load.", f.Fix!.Summary);
        Assert.Equal($"aws elbv2 modify-capacity-reservation --load-balancer-arn {Shop.AlbArn} --minimum-load-balancer-capacity CapacityUnits=60 --region eu-west-1", f.Fix.Command);
        AssertNoWrongAdvice(f);
        Assert.Contains("SpilloverCount/SurgeQueueLength exist only for Classic", f.Fix.Why, StringComparison.Ordinal);
        Assert.Contains("There is no node-count setting", f.Fix.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReservationFailedInAZone_Confirms()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.CapacityReservation = new CapacityReservation(200, [new ZoneCapacityState(Shop.ZoneA, "provisioned", null, 100), new ZoneCapacityState(Shop.ZoneB, "failed", "InsufficientCapacity", 0)]);

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("The LCU reservation of 200 failed to provision in eu-west-1b.", f.Summary);
    }

    [Fact]
    public void Run_Elb503DuringASurgeWithNothingElseExplainingThem_InconclusiveNotConfirmed()
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = true;
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.Requests, 1000, 1000, 1000, 9000)
            .With(Http503Metrics.Elb503, 0, 0, 0, 400)
            .Build();

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("it may be scaling behind a surge", f.Summary, StringComparison.Ordinal);
        AssertNoWrongAdvice(f);
    }

    [Fact]
    public void Run_HealthyAndNothingRejected_RulesOut()
    {
        var s = TestSessions.HealthyAlb();

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Equal("shop-alb is active and rejected no connections.", f.Summary);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Run_MetricsDenied_InconclusiveNamingGetMetricData()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = null;
        s.Deny("metrics", "cloudwatch", "GetMetricData");

        CapacityCheck.Run(s);

        var f = s.Findings[CauseId.LbCapacity];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("missing IAM permission cloudwatch:GetMetricData", f.Summary, StringComparison.Ordinal);
    }

    private static void AssertNoWrongAdvice(CauseFinding f)
    {
        foreach (var wrong in WrongAdvice)
        {
            Assert.DoesNotContain(wrong, f.Summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(wrong, f.Fix!.Summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(wrong, f.Fix.Command, StringComparison.OrdinalIgnoreCase);
            Assert.All(f.Evidence, e => Assert.DoesNotContain(wrong, e.Text, StringComparison.OrdinalIgnoreCase));
        }
    }
}
