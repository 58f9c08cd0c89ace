using LlmLab.ServiceKit;

namespace LlmLab.Experiments.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<ExperimentsDbContext>;
