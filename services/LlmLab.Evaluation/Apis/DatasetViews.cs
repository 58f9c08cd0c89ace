using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Apis;

public sealed record DatasetVersionView(int Version, int ItemCount, string Source, DateTimeOffset CreatedAt);

public sealed record DatasetView(Guid Id, string Name, string? Description, bool Builtin, int Version, int ItemCount,
    IReadOnlyList<DatasetVersionView> Versions, DateTimeOffset CreatedAt)
{
    public static DatasetView Of(Dataset d) => new(d.Id, d.Name, d.Description, d.Builtin, d.LatestVersion,
        d.Versions.FirstOrDefault(v => v.Version == d.LatestVersion)?.ItemCount ?? 0,
        d.Versions.OrderBy(v => v.Version).Select(v => new DatasetVersionView(v.Version, v.ItemCount, v.Source, v.CreatedAt)).ToList(), d.CreatedAt);
}

public sealed record DatasetItemView(string Id, string Question, IReadOnlyList<string> Answers, string? Context,
    IReadOnlyList<SupportingFact>? SupportingFacts, IReadOnlyDictionary<string, string> Metadata);
