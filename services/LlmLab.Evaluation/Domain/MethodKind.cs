namespace LlmLab.Evaluation.Domain;

/// <summary>How a question is put to the model (API.md "Evaluations").</summary>
public enum MethodKind
{
    Naive,
    Cot,
    CotFewShot,
    Rag,
    RagHybrid,
    RagRerank,
    Agent,
}

public static class MethodKinds
{
    public static bool IsRag(this MethodKind kind) => kind is MethodKind.Rag or MethodKind.RagHybrid or MethodKind.RagRerank;
}
