namespace LlmLab.Identity.Domain;

/// <summary>How callers are named to services: "user:&lt;id&gt;" for a user's keys, "key:&lt;id&gt;" for a key of its own.</summary>
public static class Subjects
{
    public static string OfUser(Guid id) => $"user:{id}";
    public static string OfKey(Guid id) => $"key:{id}";

    public static Guid? UserId(string subject) =>
        subject.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParse(subject["user:".Length..], out var id) ? id : null;

    public static Guid? KeyId(string subject) =>
        subject.StartsWith("key:", StringComparison.Ordinal) && Guid.TryParse(subject["key:".Length..], out var id) ? id : null;
}
