using LlmLab.ServiceKit;

namespace LlmLab.Batch.Domain;

/// <summary>Who owns a run, and whose runs a caller may see (role user: only its own; every other role: the tenant's).</summary>
public static class RunOwnership
{
    public static string? OwnerOnly(CallerIdentity? caller) => caller is { Role: Roles.User } ? caller.SubjectId : null;

    /// <summary>A run of a saved experiment belongs to the experiment's creator, whoever started it; a batch to its creator.</summary>
    public static string OwnerOf(string? experimentCreator, CallerIdentity caller) =>
        string.IsNullOrEmpty(experimentCreator) ? caller.SubjectId : experimentCreator;
}
