using System.Net.Http.Headers;
using System.Text;

namespace LlmLab.IntegrationTests.HostileInput;

/// <summary>
/// One hostile request: what is sent, and what the answer must name. <see cref="Field"/> lists acceptable names
/// separated by '|' (a JSON path "$.x" counts as "x"); null when the fault is the route or method itself.
/// </summary>
public sealed record HostileCase(string Category, HttpMethod Method, string Path, Func<HttpContent?> Body, string? Field, bool MustRefuse = true)
{
    public override string ToString() => $"[{Category}] {Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)}";

    public static Func<HttpContent?> NoBody => () => null;

    public static Func<HttpContent?> Json(string json, string mediaType = "application/json") =>
        () => new StringContent(json, Encoding.UTF8, mediaType);

    /// <summary>JSON whose placeholder <see cref="Values.BadUtf8Marker"/> is replaced by bytes that are not UTF-8.</summary>
    public static Func<HttpContent?> JsonWithInvalidUtf8(string json) => () =>
    {
        var text = Encoding.UTF8.GetBytes(json);
        var marker = Encoding.UTF8.GetBytes(Values.BadUtf8Marker);
        var at = text.AsSpan().IndexOf(marker);
        byte[] bytes = [.. text[..at], 0xC3, 0x28, 0xFF, .. text[(at + marker.Length)..]];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    };

    /// <summary>A body of the given size in bytes: a JSON object with one long string, sent with its Content-Length.</summary>
    public static Func<HttpContent?> OversizedJson(string field, long bytes) =>
        Json($"{{\"{field}\":\"{new string('x', (int)bytes)}\"}}");
}

/// <summary>Raw JSON fragments of hostile values, by category.</summary>
public static class Values
{
    public const string BadUtf8Marker = "@@BAD-UTF8@@";

    public static string Quote(string text) => "\"" + text + "\"";

    /// <summary>Strings a text field must refuse: NUL, lone surrogates, one character over its cap, and other JSON types.</summary>
    public static IEnumerable<(string Name, string Raw)> BadStrings(int maxLength) =>
    [
        ("nul", Quote("a\\u0000b")), ("lone-high-surrogate", Quote("a\\ud800b")), ("lone-low-surrogate", Quote("\\udc00")),
        ("over-long", Quote(new string('x', maxLength + 1))), ("number", "12"), ("object", "{}"), ("array", "[1]"), ("boolean", "true"),
    ];

    /// <summary>Numbers no double field accepts: beyond double, NaN/Infinity spelled as strings, absurd magnitudes, other types.</summary>
    public static IEnumerable<(string Name, string Raw)> BadBoundedDoubles =>
    [
        ("1e309", "1e309"), ("-1e309", "-1e309"), ("NaN", Quote("NaN")), ("Infinity", Quote("Infinity")), ("-Infinity", Quote("-Infinity")),
        ("1e30", "1e30"), ("-1e30", "-1e30"), ("text", Quote("abc")), ("array", "[]"), ("object", "{}"), ("boolean", "true"),
    ];

    /// <summary>Steps no grid accepts: non-finite, zero, negative, and steps so tiny the grid would be astronomically large.</summary>
    public static IEnumerable<(string Name, string Raw)> BadSteps =>
    [
        ("1e309", "1e309"), ("NaN", Quote("NaN")), ("Infinity", Quote("Infinity")), ("zero", "0"), ("negative", "-0.1"),
        ("1e-10", "1e-10"), ("1e-30", "1e-30"), ("5e-324", "5e-324"), ("text", Quote("abc")), ("object", "{}"),
    ];

    public static IEnumerable<(string Name, string Raw)> BadPositiveInts =>
    [
        ("2^31", "2147483648"), ("-2^31-1", "-2147483649"), ("fraction", "1.5"), ("1e309", "1e309"), ("text", Quote("abc")),
        ("negative", "-1"), ("zero", "0"), ("array", "[]"), ("object", "{}"),
    ];

    public static IEnumerable<(string Name, string Raw)> BadLongs =>
        [("2^63", "9223372036854775808"), ("fraction", "1.5"), ("text", Quote("abc")), ("object", "{}"), ("1e309", "1e309")];

    public static IEnumerable<(string Name, string Raw)> BadBooleans => [("text", Quote("yes")), ("number", "1"), ("object", "{}")];

    /// <summary>Values for a query parameter that takes a page number or size.</summary>
    public static IEnumerable<string> BadPages => ["2147483647", "0", "-1", "abc", "1e309", "99999999999", "%00"];

    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A JSON object from raw fragments.</summary>
    public static string JsonObject(IEnumerable<(string Key, string Raw)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Raw}")) + "}";

    /// <summary>The base fields with one replaced (or added).</summary>
    public static string With(IReadOnlyList<(string Key, string Raw)> baseFields, string key, string raw) =>
        JsonObject(baseFields.Where(f => f.Key != key).Append((key, raw)));
}
