using LlmLab.Training.Domain;
using static LlmLab.Training.Apis.TrainingLimits;

namespace LlmLab.Training.Apis;

/// <summary>Checks a new job's fields on their own (the text and the base model are checked once they are fetched).</summary>
public static class NewTrainingJobValidator
{
    public static Dictionary<string, string[]> Validate(NewTrainingJob body)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (string.IsNullOrWhiteSpace(body.Name)) Fail("name", "is required.");
        else if (body.Name.Length > MaxNameLength || !NamePattern().IsMatch(body.Name))
            Fail("name", $"must be 1 to {MaxNameLength} lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.");
        else if (body.Name == ReservedName) Fail("name", $"'{ReservedName}' is the built-in engine's name.");

        var sources = new[] { ("texts", body.Texts is not null), ("document_ids", body.DocumentIds is not null), ("dataset_id", body.DatasetId is not null) }
            .Where(s => s.Item2).Select(s => s.Item1).ToList();
        if (sources.Count == 0) Fail("texts", "one of texts, document_ids or dataset_id is required.");
        else if (sources.Count > 1) Fail(sources[1], $"give only one of texts, document_ids or dataset_id (also given: {sources[0]}).");
        if (body.Texts is { } texts)
        {
            if (texts.Count is 0 or > MaxTexts) Fail("texts", $"must hold 1 to {MaxTexts} texts.");
            else if (texts.FindIndex(string.IsNullOrWhiteSpace) is var empty and >= 0) Fail($"texts[{empty}]", "must not be empty.");
            else if (texts.Sum(t => (long)t.Length) > MaxCorpusCharacters) Fail("texts", $"may hold at most {MaxCorpusCharacters} characters in all.");
        }
        if (body.DocumentIds is { } documents)
        {
            if (documents.Count is 0 or > MaxDocuments) Fail("document_ids", $"must hold 1 to {MaxDocuments} ids.");
            else if (documents.FindIndex(string.IsNullOrWhiteSpace) is var blank and >= 0) Fail($"document_ids[{blank}]", "must not be empty.");
        }
        if (body.DatasetId is { } dataset && string.IsNullOrWhiteSpace(dataset)) Fail("dataset_id", "must not be empty.");

        Required("epochs", body.Epochs, Epochs.Min, Epochs.Max, errors);
        Required("batch_size", body.BatchSize, BatchSize.Min, BatchSize.Max, errors);
        if (body.LearningRate is not { } rate) Fail("learning_rate", "is required.");
        else if (!(rate >= LearningRate.Min && rate <= LearningRate.Max)) Fail("learning_rate", $"must be between {LearningRate.Min} and {LearningRate.Max}.");
        Optional("context_length", body.ContextLength, ContextLength.Min, ContextLength.Max, errors);
        Optional("embedding_size", body.EmbeddingSize, EmbeddingSize.Min, EmbeddingSize.Max, errors);
        Optional("hidden_size", body.HiddenSize, HiddenSize.Min, HiddenSize.Max, errors);
        Optional("layers", body.Layers, Layers.Min, Layers.Max, errors);
        Optional("checkpoint_every", body.CheckpointEvery, CheckpointEvery.Min, CheckpointEvery.Max, errors);
        if (body.HoldoutFraction is { } holdout && !(holdout >= HoldoutFraction.Min && holdout <= HoldoutFraction.Max))
            Fail("holdout_fraction", $"must be between {HoldoutFraction.Min} and {HoldoutFraction.Max}.");
        if (body.BaseModel is { } baseModel && (baseModel.Length == 0 || baseModel.Length > MaxNameLength + 6))
            Fail("base_model", "must name a trained model of yours (local/<name> or <name>).");
        return errors;
    }

    /// <summary>The settings with defaults filled in; call after <see cref="Validate"/> found nothing.</summary>
    public static TrainingSettings Settings(NewTrainingJob body) => new(
        body.Epochs!.Value, body.BatchSize!.Value, body.LearningRate!.Value,
        body.ContextLength ?? ContextLength.Default, body.EmbeddingSize ?? EmbeddingSize.Default,
        body.HiddenSize ?? HiddenSize.Default, body.Layers ?? Layers.Default,
        body.HoldoutFraction ?? HoldoutFraction.Default, body.Seed ?? DefaultSeed, body.CheckpointEvery ?? CheckpointEvery.Default);

    private static void Required(string field, int? value, int min, int max, Dictionary<string, string[]> errors)
    {
        if (value is null) errors.TryAdd(field, ["is required."]);
        else Optional(field, value, min, max, errors);
    }

    private static void Optional(string field, int? value, int min, int max, Dictionary<string, string[]> errors)
    {
        if (value is { } v && (v < min || v > max)) errors.TryAdd(field, [$"must be between {min} and {max}."]);
    }
}
