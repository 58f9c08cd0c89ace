using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Datasets;

/// <summary>Adds a dataset's next version with its items (the caller saves, so dataset, version and items commit together).</summary>
public static class DatasetWriter
{
    public static DatasetVersion AddVersion(EvaluationDbContext db, Dataset dataset, IReadOnlyList<ItemDraft> items, string source, DateTimeOffset now)
    {
        dataset.LatestVersion++;
        var version = new DatasetVersion
        {
            Id = Guid.CreateVersion7(),
            DatasetId = dataset.Id,
            Version = dataset.LatestVersion,
            ItemCount = items.Count,
            Source = source,
            CreatedAt = now,
        };
        db.DatasetVersions.Add(version);
        db.DatasetItems.AddRange(items.Select((item, position) => new DatasetItem
        {
            Id = Guid.CreateVersion7(),
            DatasetId = dataset.Id,
            Version = version.Version,
            Position = position,
            Key = item.Id ?? (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Question = item.Question.Trim(),
            Answers = item.Answers,
            Context = item.Context,
            SupportingFacts = item.SupportingFacts,
            Metadata = item.Metadata,
        }));
        return version;
    }
}
