using System.ComponentModel.DataAnnotations;

namespace LlmLab.Knowledge;

/// <summary>Configuration "Knowledge:*": upload limits, chunking defaults, where indexes live, the dense index's shape.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The largest file accepted (bytes); larger is a 413 naming <c>file</c>.</summary>
    [Range(1, 1L << 31)] public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The most pages a PDF may have; more is a 422 naming <c>file</c>.</summary>
    [Range(1, 100_000)] public int MaxPages { get; set; } = 1_000;

    /// <summary>The most chunks one document may produce (a guard against a tiny chunk size on a big file).</summary>
    [Range(1, 1_000_000)] public int MaxChunksPerDocument { get; set; } = 50_000;

    [Range(1, 100_000)] public int DefaultChunkSize { get; set; } = 1_000;
    [Range(0, 100_000)] public int DefaultChunkOverlap { get; set; } = 150;
    [Range(1, 100_000)] public int MinChunkSize { get; set; } = 100;
    [Range(1, 100_000)] public int MaxChunkSize { get; set; } = 8_000;

    /// <summary>Where the Lucene indexes live; empty: Storage:DataDirectory/lucene, else a folder beside the binary.</summary>
    public string IndexDirectory { get; set; } = "";

    /// <summary>
    /// How long the log of document changes is kept for replicas to catch up from (a replica whose index is older, e.g.
    /// one stopped for longer, rebuilds that tenant's index from the chunks instead).
    /// </summary>
    [Range(1, 24 * 366)] public int IndexChangeRetentionHours { get; set; } = 7 * 24;

    /// <summary>
    /// Every this many seconds a replica brings the BM25 indexes it has open up to date in the background (searches
    /// check their tenant anyway; this drops an erased tenant's index and keeps the first search after a write fast).
    /// </summary>
    [Range(1, 3_600)] public int IndexFollowSeconds { get; set; } = 30;

    /// <summary>Dimensions of the built-in <c>local</c> embedding.</summary>
    [Range(16, 4096)] public int LocalDimensions { get; set; } = 256;

    /// <summary>A tenant's vectors are clustered (IVF) once it has this many; below, a query scans them all.</summary>
    [Range(2, 10_000_000)] public int IvfMinVectors { get; set; } = 2_000;

    /// <summary>Retrain the clusters when the tenant's vector count has grown by this factor since the last training.</summary>
    [Range(1.1, 100)] public double IvfRetrainGrowth { get; set; } = 2.0;

    /// <summary>Vectors sampled to train the clusters (the only ones held in memory while training).</summary>
    [Range(100, 1_000_000)] public int IvfTrainingSample { get; set; } = 20_000;

    /// <summary>Lists probed per query: more is better recall and more rows read.</summary>
    [Range(1, 4096)] public int IvfProbes { get; set; } = 8;

    /// <summary>A tenant's built-in embedding is trained on its chunks once it has this many vectors; below, the fixed one.</summary>
    [Range(2, 10_000_000)] public int TrainedEmbeddingMinVectors { get; set; } = 200;

    /// <summary>Refit when the vector count has grown or shrunk by this factor since the last fit.</summary>
    [Range(1.1, 100)] public double TrainedEmbeddingRefitChange { get; set; } = 1.5;

    /// <summary>Chunks sampled to fit it (the only texts held in memory while fitting).</summary>
    [Range(100, 1_000_000)] public int TrainedEmbeddingSample { get; set; } = 20_000;
}
