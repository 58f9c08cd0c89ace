using LlmLab.ServiceKit;

namespace LlmLab.Analytics.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<AnalyticsDbContext>;
