namespace LlmLab.TestKit;

/// <summary>
/// How one scenario of <see cref="FakeOpenAiServer"/> answers, and what it saw. Settings may be changed while the
/// server runs; counters are read by tests and benchmarks.
/// </summary>
public sealed class FakeProviderScenario(string name)
{
    private int _inFlight;
    private int _maxInFlight;
    private long _requests;
    private long _succeeded;
    private long _aborted;
    private long _rateLimited;
    private long _failed;
    private long _embeddedTexts;

    public string Name { get; } = name;

    /// <summary>Time before the answer (or, when streaming, before the first chunk).</summary>
    public TimeSpan Latency { get; set; }
    /// <summary>0: unlimited. Above this many requests in flight the server answers 429 with <see cref="RetryAfter"/>.</summary>
    public int MaxConcurrent { get; set; }
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Answer this status (with an OpenAI error body) instead of a completion; 0: answer normally.</summary>
    public int FailWithStatus { get; set; }
    /// <summary>When streaming: the pause between chunks.</summary>
    public TimeSpan StreamChunkGap { get; set; }
    public string Content { get; set; } = "Rain forms when droplets in a cloud merge until they are heavy enough to fall.";

    /// <summary>
    /// When set, a chat request that declares tools is answered with a call of this function (finish reason tool_calls),
    /// unless it already carries a tool result, which is answered with <see cref="Content"/>.
    /// </summary>
    public (string Name, string Arguments)? ToolCall { get; set; }
    /// <summary>The body of the last chat completion request, as the provider received it.</summary>
    public string? LastChatRequest { get; internal set; }

    /// <summary>The Authorization header of the last embeddings request (proves which key reached the provider).</summary>
    public string? LastAuthorization { get; internal set; }
    /// <summary>Texts embedded by successful embeddings requests.</summary>
    public long EmbeddedTexts => Interlocked.Read(ref _embeddedTexts);

    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public long Requests => Interlocked.Read(ref _requests);
    public long Succeeded => Interlocked.Read(ref _succeeded);
    /// <summary>Requests the client gave up on (connection or stream closed) before the answer was sent.</summary>
    public long Aborted => Interlocked.Read(ref _aborted);
    public long RateLimited => Interlocked.Read(ref _rateLimited);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Counts a request in; false when it is over <see cref="MaxConcurrent"/> and must be answered 429.</summary>
    internal bool Enter()
    {
        Interlocked.Increment(ref _requests);
        var now = Interlocked.Increment(ref _inFlight);
        if (MaxConcurrent > 0 && now > MaxConcurrent)
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _rateLimited);
            return false;
        }
        for (var max = MaxInFlight; now > max; max = MaxInFlight)
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max) break;
        }
        return true;
    }

    internal void CountEmbedded(int texts) => Interlocked.Add(ref _embeddedTexts, texts);

    internal void Leave(Outcome outcome)
    {
        Interlocked.Decrement(ref _inFlight);
        _ = outcome switch
        {
            Outcome.Succeeded => Interlocked.Increment(ref _succeeded),
            Outcome.Aborted => Interlocked.Increment(ref _aborted),
            _ => Interlocked.Increment(ref _failed),
        };
    }

    /// <summary>Zeroes the counters (settings stay), so a test can measure its own part.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _succeeded, 0);
        Interlocked.Exchange(ref _aborted, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _embeddedTexts, 0);
        Interlocked.Exchange(ref _maxInFlight, InFlight);
    }

    internal enum Outcome { Succeeded, Aborted, Failed }
}
