using LlmLab.ServiceKit;

namespace LlmLab.Batch.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<BatchDbContext>;
