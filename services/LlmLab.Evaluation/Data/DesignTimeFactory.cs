using LlmLab.ServiceKit;

namespace LlmLab.Evaluation.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<EvaluationDbContext>;
