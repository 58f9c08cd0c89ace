namespace LlmLab.AppHost.Model;

/// <summary>The platform's resources, as an Aspire AppHost's Program.cs would declare them.</summary>
public static class PlatformModel
{
    public const string Gateway = "gateway";

    public static readonly IReadOnlyList<ProjectResource> Projects =
    [
        new("identity", "services/LlmLab.Identity", ["identitydb"], ["rabbitmq"], ["experiments", "batch", "analytics", "llm-integration", "knowledge", "evaluation", "training"], HasGrpcEndpoint: true),
        new("llm-integration", "services/LlmLab.LlmIntegration", [], ["redis", "rabbitmq"], ["training"], HasGrpcEndpoint: true),
        new("experiments", "services/LlmLab.Experiments", ["experimentsdb"], ["rabbitmq"], ["llm-integration"]),
        new("quality-analysis", "services/LlmLab.Quality", [], [], ["llm-integration"], HasGrpcEndpoint: true),
        new("batch", "services/LlmLab.Batch", ["batchdb"], ["rabbitmq"], ["experiments", "llm-integration", "quality-analysis"]),
        new("analytics", "services/LlmLab.Analytics", ["analyticsdb"], ["rabbitmq"], ["batch", "evaluation"]),
        new("knowledge", "services/LlmLab.Knowledge", ["knowledgedb"], ["rabbitmq"], ["llm-integration"], HasGrpcEndpoint: true),
        new("evaluation", "services/LlmLab.Evaluation", ["evaluationdb"], ["rabbitmq"], ["llm-integration", "quality-analysis", "knowledge", "analytics"]),
        new("training", "services/LlmLab.Training", ["trainingdb"], ["rabbitmq"], ["quality-analysis", "knowledge", "evaluation"], HasGrpcEndpoint: true),
        new(Gateway, "gateway/LlmLab.Gateway", [], ["redis"], ["identity", "experiments", "batch", "llm-integration", "quality-analysis", "analytics", "evaluation", "knowledge", "training"]),
    ];
}
