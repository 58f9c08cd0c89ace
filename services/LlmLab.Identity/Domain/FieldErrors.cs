using LlmLab.ServiceKit;

namespace LlmLab.Identity.Domain;

/// <summary>Collects input errors keyed by their snake_case field; the rules every identity input shares.</summary>
public sealed class FieldErrors
{
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool Any => Errors.Count > 0;

    public void Fail(string field, string message) => Errors.TryAdd(field, [message]);

    /// <summary>A name or label: required when asked, at most <paramref name="max"/> characters, no control characters.</summary>
    public void Text(string field, string? value, int max, bool required = true)
    {
        if (value is null || value.Trim().Length == 0)
        {
            if (required) Fail(field, "is required.");
        }
        else if (value.Length > max) Fail(field, $"must be at most {max} characters.");
        else if (value.Any(char.IsControl)) Fail(field, "must not contain control characters.");
    }

    public void Role(string field, string? value)
    {
        if (value is null) Fail(field, "is required.");
        else if (!Roles.All.Contains(value)) Fail(field, $"must be one of {string.Join(", ", Roles.All)}.");
    }

    public void Email(string field, string? value)
    {
        Text(field, value, 254);
        if (value is not null && !Errors.ContainsKey(field)
            && (!System.Net.Mail.MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim()))
        {
            Fail(field, "must be an email address such as ada@example.com.");
        }
    }
}
