namespace LlmLab.Training.Domain;

/// <summary>A finished job's network: its shape, character vocabulary and weights; served as local/&lt;name&gt;.</summary>
public sealed class TrainedModel
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid JobId { get; set; }
    public string Architecture { get; set; } = CharLstmArchitecture;
    /// <summary>The characters of the vocabulary in index order (index 0, unknown, excluded).</summary>
    public string Vocabulary { get; set; } = "";
    public int EmbeddingSize { get; set; }
    public int HiddenSize { get; set; }
    public int Layers { get; set; }
    public int ContextLength { get; set; }
    public byte[] Weights { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    public const string CharLstmArchitecture = "char-lstm";
}
