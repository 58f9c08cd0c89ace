using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LlmLab.Cli.Config;

/// <summary>
/// Reads the fields of one YAML mapping and records every problem as "file:line:column: field: message", so a bad run
/// file is reported in full, each error naming where it is.
/// </summary>
public sealed class YamlSection(string file, YamlMappingNode node, string path, List<string> errors)
{
    public YamlMappingNode Node => node;

    public string FieldPath(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public YamlNode? Find(string key) =>
        node.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value;

    public void Fail(YamlNode at, string field, string message) => errors.Add(At(file, at.Start, field, message));

    public static string At(string file, Mark mark, string field, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{mark.Line}:{mark.Column}: {field}: {message}");

    public void Missing(string key, string message) =>
        errors.Add(At(file, node.Start, FieldPath(key), $"is required: {message}"));

    /// <summary>Every key the section does not know is an error: a typo must not be silently ignored.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
                Fail(key, FieldPath(name), $"is not a known field here (known: {string.Join(", ", known)}).");
        }
    }

    public string? Text(string key)
    {
        var value = Find(key);
        if (value is null) return null;
        if (value is YamlScalarNode scalar) return scalar.Value;
        Fail(value, FieldPath(key), "must be a text value.");
        return null;
    }

    public string? RequiredString(string key, string message)
    {
        var value = Text(key);
        if (value is null && Find(key) is null) Missing(key, message);
        else if (value is not null && string.IsNullOrWhiteSpace(value)) Fail(Find(key)!, FieldPath(key), $"must not be empty: {message}");
        return value;
    }

    public double? Number(string key, double? min = null, double? max = null) =>
        Find(key) is { } value ? NumberOf(value, FieldPath(key), min, max) : null;

    public double? NumberOf(YamlNode value, string field, double? min = null, double? max = null)
    {
        if (value is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            Fail(value, field, "must be a number.");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(value, field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (got {number})."));
            return null;
        }
        return number;
    }

    public long? WholeNumber(string key, long min = long.MinValue, long max = long.MaxValue)
    {
        if (Find(key) is not { } value) return null;
        if (value is not YamlScalarNode { Value: { } text } || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            Fail(value, FieldPath(key), "must be a whole number.");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(value, FieldPath(key), string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (got {number})."));
            return null;
        }
        return number;
    }

    public bool? Boolean(string key)
    {
        if (Find(key) is not { } value) return null;
        if (value is YamlScalarNode { Value: "true" or "false" } scalar) return scalar.Value == "true";
        Fail(value, FieldPath(key), "must be true or false.");
        return null;
    }

    public YamlSection? Section(string key)
    {
        if (Find(key) is not { } value) return null;
        if (value is YamlMappingNode map) return new YamlSection(file, map, FieldPath(key), errors);
        Fail(value, FieldPath(key), "must be a mapping of fields.");
        return null;
    }

    public YamlSection SectionOf(YamlMappingNode map, string field) => new(file, map, field, errors);

    public YamlSequenceNode? Sequence(string key)
    {
        if (Find(key) is not { } value) return null;
        if (value is YamlSequenceNode list) return list;
        Fail(value, FieldPath(key), "must be a list.");
        return null;
    }
}
