using LlmLab.ServiceKit;

namespace LlmLab.Knowledge.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<KnowledgeDbContext>;
