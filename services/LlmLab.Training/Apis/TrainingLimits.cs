using System.Text.RegularExpressions;

namespace LlmLab.Training.Apis;

/// <summary>The bounds of every training parameter (one home; the validator and the docs quote these).</summary>
public static partial class TrainingLimits
{
    public static readonly (int Min, int Max) Epochs = (1, 100);
    public static readonly (int Min, int Max) BatchSize = (1, 512);
    public static readonly (double Min, double Max) LearningRate = (1e-6, 1.0);
    public static readonly (int Min, int Max, int Default) ContextLength = (8, 512, 64);
    public static readonly (int Min, int Max, int Default) EmbeddingSize = (8, 512, 32);
    public static readonly (int Min, int Max, int Default) HiddenSize = (8, 1024, 128);
    public static readonly (int Min, int Max, int Default) Layers = (1, 2, 1);
    public static readonly (double Min, double Max, double Default) HoldoutFraction = (0.05, 0.5, 0.1);
    public static readonly (int Min, int Max, int Default) CheckpointEvery = (1, 100_000, 50);
    public const long DefaultSeed = 42;
    public const int MaxTexts = 10_000;
    public const int MaxDocuments = 100;
    public const int MaxCorpusCharacters = 2_000_000;
    public const int MaxTotalSteps = 200_000;
    public const int MaxNameLength = 64;

    /// <summary>Names are used as local/&lt;name&gt;: lowercase letters, digits, '.', '_' and '-'.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    public static partial Regex NamePattern();

    /// <summary>The built-in engine's model name; a trained model may not shadow it.</summary>
    public const string ReservedName = "local-ngram";
}
