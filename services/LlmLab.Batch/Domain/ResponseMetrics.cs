namespace LlmLab.Batch.Domain;

/// <summary>Quality scores of one response (0–100 unless a count), with the analysis version that computed them.</summary>
public sealed class ResponseMetrics
{
    public Guid ResponseId { get; set; }
    public double? CoherenceScore { get; set; }
    public double? CompletenessScore { get; set; }
    public double? ReadabilityScore { get; set; }
    public double? LengthAppropriatenessScore { get; set; }
    public double? CreativityScore { get; set; }
    public double? SpecificityScore { get; set; }
    public double? RelevanceScore { get; set; }
    public double? OverallScore { get; set; }
    public double? ConfidenceScore { get; set; }
    public int WordCount { get; set; }
    public int SentenceCount { get; set; }
    /// <summary>Every metric the quality service returned, including those without a column.</summary>
    public Dictionary<string, double> All { get; set; } = [];
    /// <summary>Metrics that could not be computed, with the reason (an unparseable judge answer, say).</summary>
    public Dictionary<string, string> Errors { get; set; } = [];
    /// <summary>Texts that go with metrics, such as the judge's reasoning.</summary>
    public Dictionary<string, string> Details { get; set; } = [];
    public required string AnalysisVersion { get; set; }

    public static ResponseMetrics From(Guid responseId, IReadOnlyDictionary<string, double> metrics, string version,
        IReadOnlyDictionary<string, string>? errors = null, IReadOnlyDictionary<string, string>? details = null)
    {
        var row = new ResponseMetrics { ResponseId = responseId, AnalysisVersion = version };
        row.Apply(metrics, version, errors, details);
        return row;
    }

    /// <summary>Replaces every score with a new analysis (a re-score keeps the row, changes its values and version).</summary>
    public void Apply(IReadOnlyDictionary<string, double> metrics, string version,
        IReadOnlyDictionary<string, string>? errors = null, IReadOnlyDictionary<string, string>? details = null)
    {
        Errors = new Dictionary<string, string>(errors ?? new Dictionary<string, string>());
        Details = new Dictionary<string, string>(details ?? new Dictionary<string, string>());
        double? Get(string name) => metrics.TryGetValue(name, out var v) ? v : null;
        CoherenceScore = Get("coherence_score");
        CompletenessScore = Get("completeness_score");
        ReadabilityScore = Get("readability_score");
        LengthAppropriatenessScore = Get("length_appropriateness_score");
        CreativityScore = Get("creativity_score");
        SpecificityScore = Get("specificity_score");
        RelevanceScore = Get("relevance_score");
        OverallScore = Get("overall_score");
        ConfidenceScore = Get("confidence_score");
        WordCount = (int)(Get("word_count") ?? 0);
        SentenceCount = (int)(Get("sentence_count") ?? 0);
        All = new Dictionary<string, double>(metrics);
        AnalysisVersion = version;
    }
}
