using LlmLab.ServiceKit;

namespace LlmLab.Experiments.Domain;

/// <summary>Which experiments a caller sees: their tenant's; for role user, only those they created.</summary>
public static class ExperimentVisibility
{
    public static IQueryable<Experiment> VisibleTo(this IQueryable<Experiment> experiments, CallerIdentity caller)
    {
        var tenant = experiments.Where(e => e.TenantId == caller.TenantId);
        return caller.Role == Roles.User ? tenant.Where(e => e.CreatedBy == caller.SubjectId) : tenant;
    }
}
