namespace LlmLab.Analytics.Annotation;

/// <summary>A queue as the API shows it, with each reviewer's progress.</summary>
public sealed record QueueView(Guid Id, string Name, Guid RunId, string RunKind, int Responses, int ReviewersPerResponse, int? SampleSize, int Seed,
    IReadOnlyList<ReviewerProgress> Reviewers, int Assigned, int Done, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>How far one reviewer got: items assigned, items done (feedback given), items skipped and still open.</summary>
public sealed record ReviewerProgress(string Reviewer, int Assigned, int Done, int Skipped);

/// <summary>The reviewer's next item: what to judge, and how many of theirs are still open (this one included).</summary>
public sealed record NextItem(Guid ItemId, Guid QueueId, Guid ResponseId, int Position, string Prompt, string Response, string? ReferenceAnswer,
    bool Skipped, int Remaining, int Assigned);
