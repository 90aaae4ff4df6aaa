using ChatOpsBot.Runbooks.Engine;

namespace ChatOpsBot.Runbooks.Tests.Engine;

public sealed class NameSuggestionsTests
{
    [Fact]
    public void Closest_OneTypo_RanksTheNearestFirstAndDropsUnrelatedNames()
    {
        var closest = NameSuggestions.Closest("shop-alb-prod", ["payments-nlb", "shop-alb", "shop-alb-prd", "internal-api"]);

        Assert.Equal(["shop-alb-prd", "shop-alb"], closest);
    }

    [Fact]
    public void Closest_TypedFragment_NamesContainingItComeFirstIgnoringCase()
    {
        var closest = NameSuggestions.Closest("Shop", ["shoe", "web-shop-alb", "shop-api", "shop-alb"]);

        Assert.Equal(["shop-alb", "shop-api", "web-shop-alb"], closest);
    }

    [Fact]
    public void Closest_ManyCandidates_ReturnsAtMostMax()
    {
        var closest = NameSuggestions.Closest("alb", ["alb-1", "alb-2", "alb-3", "alb-4", "alb-1"], max: 2);

        Assert.Equal(["alb-1", "alb-2"], closest);
    }

    [Fact]
    public void Closest_NothingNear_ReturnsEmpty()
    {
        Assert.Empty(NameSuggestions.Closest("checkout-prod-eu", ["a", "payments"]));
        Assert.Empty(NameSuggestions.Closest("shop", []));
    }
}
