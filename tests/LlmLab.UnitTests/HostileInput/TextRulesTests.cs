using System.Text;
using System.Text.Json;
using LlmLab.ServiceKit;

namespace LlmLab.UnitTests.HostileInput;

public class TextRulesTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("émoji 😀 and 中文")]
    [InlineData("")]
    public void Ordinary_unicode_text_is_accepted(string text) => Assert.Null(TextRules.Problem(text, 100));

    // Built in code: attribute strings cannot hold a lone surrogate (the compiler stores them as UTF-8).
    public static TheoryData<int, string> BadTexts => new() { { 0, "NUL" }, { 1, "lone surrogate" }, { 2, "lone surrogate" }, { 3, "lone surrogate" } };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void Nul_and_lone_surrogates_are_refused_with_the_reason(int which, string reason)
    {
        string[] texts = ["a\0b", "a" + (char)0xD800 + "b", "a" + (char)0xDC00, ((char)0xD83D).ToString()];
        Assert.Contains(reason, TextRules.Problem(texts[which], 100), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_the_limit_is_refused_naming_the_limit()
    {
        Assert.Contains("at most 5 characters", TextRules.Problem("abcdef", 5), StringComparison.Ordinal);
        var errors = new Dictionary<string, string[]>();
        Assert.False(TextRules.Check(errors, "name", "abcdef", 5));
        Assert.True(errors.ContainsKey("name"));
    }

    [Fact]
    public void FirstInvalid_answers_413_for_too_long_and_422_for_bad_characters()
    {
        Assert.Equal(413, TextRules.FirstInvalid(("prompt", "abcdef", 5))!.StatusCode);
        Assert.Equal(422, TextRules.FirstInvalid(("ok", "fine", 5), ("model", "a\0", 5))!.StatusCode);
        Assert.Null(TextRules.FirstInvalid(("ok", "fine", 5), ("absent", null, 5)));
    }

    private sealed record Body(string? Name, double? Value, Dictionary<string, double>? Weights);

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "$.name")]
    [InlineData("""{"name":"\ud800"}""", "$.name")]
    [InlineData("""{"name":"x\udc00y"}""", "$.name")]
    [InlineData("""{"name":12}""", "$.name")]
    [InlineData("""{"value":1e309}""", "$.value")]
    [InlineData("""{"value":"NaN"}""", "$.value")]
    [InlineData("""{"value":"Infinity"}""", "$.value")]
    [InlineData("""{"value":"-Infinity"}""", "$.value")]
    [InlineData("""{"weights":{"coherence":1e400}}""", "$.weights.coherence")]
    public void The_service_json_options_refuse_bad_strings_and_non_finite_numbers_naming_the_path(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>(json, ServiceKitExtensions.Json));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_refused_naming_the_path()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"name":"ab"}""").ToList();
        bytes.InsertRange(10, new byte[] { 0xC3, 0x28 });
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>(bytes.ToArray(), ServiceKitExtensions.Json));
        Assert.Equal("$.name", error.Path);
    }

    [Fact]
    public void Finite_numbers_and_numeric_strings_still_read()
    {
        var body = JsonSerializer.Deserialize<Body>("""{"name":"ok 😀","value":"0.5","weights":{"a":2}}""", ServiceKitExtensions.Json)!;
        Assert.Equal(0.5, body.Value);
        Assert.Equal("ok 😀", body.Name);
    }

    [Fact]
    public void A_non_finite_computed_value_is_written_as_null_never_as_invalid_json() =>
        Assert.Equal("""{"name":null,"value":null,"weights":{"a":null}}""",
            JsonSerializer.Serialize(new Body(null, double.NaN, new() { ["a"] = double.PositiveInfinity }), ServiceKitExtensions.Json));

    [Fact]
    public void Dictionary_keys_are_written_and_checked_like_any_string()
    {
        var errors = new Dictionary<string, string[]> { ["name"] = ["is required."] };
        Assert.Equal("""{"name":["is required."]}""", JsonSerializer.Serialize(errors, ServiceKitExtensions.Json));
        var bad = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>("""{"weights":{"a\u0000":1}}""", ServiceKitExtensions.Json));
        Assert.StartsWith("$.weights", bad.Path, StringComparison.Ordinal);
    }

    private enum Shade { Light, DarkGrey }

    [Theory]
    [InlineData("light", true)]
    [InlineData("DARK_GREY", true)]
    [InlineData("99", false)]
    [InlineData("1", false)]
    [InlineData("DarkGrey", false)]
    [InlineData("", false)]
    public void Enums_are_read_by_wire_name_only(string text, bool accepted) => Assert.Equal(accepted, EnumNames.TryParse<Shade>(text, out _));

    [Theory]
    [InlineData(2147483647, 50, "page")]
    [InlineData(42949673, 50, "page")]
    [InlineData(1, 0, "page_size")]
    public void Pages_whose_offset_overflows_are_refused_naming_the_parameter(int page, int pageSize, string field)
    {
        var problem = Paging.Invalid(page, pageSize);
        Assert.NotNull(problem);
        Assert.Contains(field, ((Microsoft.AspNetCore.Http.HttpValidationProblemDetails)problem.ProblemDetails).Errors.Keys);
    }

    [Fact]
    public void The_last_page_whose_offset_fits_is_accepted() => Assert.Null(Paging.Invalid(Paging.MaxPage(50), 50));
}
