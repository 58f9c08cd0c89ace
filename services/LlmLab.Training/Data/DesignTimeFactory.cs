using LlmLab.ServiceKit;

namespace LlmLab.Training.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<TrainingDbContext>;
