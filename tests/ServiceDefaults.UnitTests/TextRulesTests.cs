using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;

namespace UnifiedCommerce.ServiceDefaults.UnitTests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Trail tee")]
    [InlineData("Größe — naïve café")]
    [InlineData("雪山 ジャケット")]
    [InlineData("Rain shell \U0001F327")] // a surrogate pair is one character, not a broken one
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_in_any_script_passes(string? text) => Assert.Null(TextRules.Problem(text, multiLine: false));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u001b[31mred")]
    [InlineData("a\u0085b")] // a C1 control
    [InlineData("a\u007fb")]
    public void Control_characters_are_refused_everywhere(string text)
    {
        Assert.NotNull(TextRules.Problem(text, multiLine: true));
        Assert.NotNull(TextRules.Problem(text, multiLine: false));
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Built from chars: theory data would carry the broken text through a serializer that repairs it.
        Assert.Contains("lone surrogate", TextRules.Problem("broken " + (char)0xD83C), StringComparison.Ordinal);
        Assert.Contains("lone surrogate", TextRules.Problem((char)0xDF27 + " reversed"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("tab\tseparated")]
    [InlineData("windows\r\nbreak")]
    public void Line_breaks_and_tabs_pass_only_in_multi_line_fields(string text)
    {
        Assert.Null(TextRules.Problem(text, multiLine: true));
        Assert.NotNull(TextRules.Problem(text, multiLine: false));
    }

    [Fact]
    public void The_problem_names_the_character_and_where_it_is() =>
        Assert.Equal("Control characters are not allowed (U+0000 at position 3).", TextRules.Problem("abc\0"));
}
