using ChatOpsBot.Discord.Rendering;

namespace ChatOpsBot.Discord.Tests.Rendering;

public sealed class TextCutterTests
{
    [Fact]
    public void Cut_ShortText_IsUnchanged()
    {
        var cut = false;

        Assert.Equal("abc", TextCutter.Cut("abc", 3, ref cut));
        Assert.False(cut);
    }

    [Fact]
    public void Cut_ManyLines_EndsAtALineBoundarySayingHowManyLinesWereLeftOut()
    {
        var text = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"• line {i:00}"));
        var cut = false;

        var result = TextCutter.Cut(text, 100, ref cut);

        Assert.True(cut);
        Assert.True(result.Length <= 100);
        Assert.Equal(string.Join("\n", Enumerable.Range(0, 8).Select(i => $"• line {i:00}")) + "\n… 92 more lines", result);
    }

    [Fact]
    public void Cut_OneLongLine_EndsAtAWordBoundary()
    {
        var cut = false;

        Assert.Equal("alpha beta…", TextCutter.Cut("alpha beta gamma", 12, ref cut));
    }

    [Theory]
    [InlineData("👩‍💻👩‍💻👩‍💻", 6)]
    [InlineData("🔴🔴🔴🔴", 4)]
    [InlineData("e\u0301e\u0301e\u0301", 4)]
    public void Cut_NeverSplitsACharacter(string text, int max)
    {
        var cut = false;

        var result = TextCutter.Cut(text, max, ref cut);

        Assert.True(result.Length <= max);
        Assert.EndsWith("…", result, StringComparison.Ordinal);
        Assert.StartsWith(result[..^1], text, StringComparison.Ordinal);
        var kept = result[..^1];
        Assert.True(kept.Length == 0 || !char.IsHighSurrogate(kept[^1]), "half a surrogate pair kept");
        Assert.True(kept.Length == 0 || kept[^1] != 'e', "an 'e' kept without its combining accent");
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "…")]
    public void Cut_TinyLimit_StillWithinIt(int max, string expected)
    {
        var cut = false;

        Assert.Equal(expected, TextCutter.Cut("something", max, ref cut));
    }

    [Fact]
    public void CodeBlock_TooLong_KeepsTheClosingFenceAndEndsInAStrayArgument()
    {
        var command = "aws elbv2 register-targets --target-group-arn arn:aws:x --targets " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"Id=i-{i:x8}"));
        var cut = false;

        var result = TextCutter.CodeBlock(command, 300, "cut to fit", ref cut);

        Assert.True(cut);
        Assert.True(result.Length <= 300);
        Assert.StartsWith("```sh\naws elbv2 register-targets", result, StringComparison.Ordinal);
        Assert.EndsWith(" …\n# cut to fit\n```", result, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeBlock_Fits_IsTheCommandInAShBlock()
    {
        var cut = false;

        Assert.Equal("```sh\naws s3 ls\n```", TextCutter.CodeBlock("  aws s3 ls \n", 100, "x", ref cut));
        Assert.False(cut);
    }
}
