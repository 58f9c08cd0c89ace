using LlmLab.Gateway.Authorization;
using Microsoft.AspNetCore.Http;

namespace LlmLab.UnitTests.Identity;

public class RoutePermissionsTests
{
    [Theory]
    [InlineData("GET", "/api/experiments", "experiments:read", true)]
    [InlineData("POST", "/api/experiments", "experiments:create", true)]
    [InlineData("PUT", "/api/experiments/5b7d", "experiments:update", true)]
    [InlineData("DELETE", "/api/experiments/5b7d", "experiments:delete", true)]
    [InlineData("GET", "/api/experiments/5b7d/progress", "experiments:read", true)]
    [InlineData("GET", "/api/experiments/batch/5b7d/insights", "analytics:read", true)]
    [InlineData("POST", "/api/experiments/batch/5b7d/start", "experiments:create", true)]
    [InlineData("DELETE", "/api/experiments/batch/5b7d", "experiments:delete", true)]
    [InlineData("POST", "/api/responses/generate", "experiments:create", true)]
    [InlineData("POST", "/api/metrics/batch", "experiments:read", false)]
    [InlineData("GET", "/api/metrics/5b7d", "experiments:read", true)]
    [InlineData("GET", "/api/responses/5b7d", "experiments:read", true)]
    [InlineData("GET", "/api/analytics/quality/trends", "analytics:read", true)]
    [InlineData("POST", "/api/export/custom", "experiments:read", true)]
    [InlineData("GET", "/api/export/analytics/correlation", "analytics:read", true)]
    [InlineData("POST", "/api/analytics/rebuild", "analytics:write", false)]
    [InlineData("POST", "/api/quality/analyze", "quality:read", false)]
    [InlineData("POST", "/api/llm/provider/switch", "llm:manage", false)]
    [InlineData("POST", "/v1/chat/completions", "llm:use", false)]
    [InlineData("POST", "/api/admin/keys", "keys:write", false)]
    [InlineData("GET", "/api/admin/users/5b7d", "users:read", false)]
    [InlineData("GET", "/api/audit", "audit:read", false)]
    [InlineData("GET", "/api/me", "", false)]
    [InlineData("DELETE", "/api/tenants/me", "tenant:erase", false)]
    [InlineData("PUT", "/api/experiments/5b7d/gates", "experiments:update", false)]
    [InlineData("GET", "/api/experiments/5b7d/gates", "experiments:read", false)]
    [InlineData("PUT", "/api/evaluations/5b7d/gates", "experiments:update", false)]
    [InlineData("DELETE", "/api/evaluations/5b7d/gates", "experiments:update", false)]
    [InlineData("GET", "/api/evaluations/5b7d/gate", "experiments:read", false)]
    [InlineData("DELETE", "/api/evaluations/5b7d", "experiments:delete", false)]
    [InlineData("GET", "/api/runs/5b7d/gate", "experiments:read", false)]
    [InlineData("POST", "/api/alerts/5b7d/ack", "experiments:update", false)]
    [InlineData("GET", "/api/alerts/stream", "analytics:read", false)]
    [InlineData("POST", "/api/webhooks", "analytics:write", false)]
    [InlineData("GET", "/api/responses/5b7d/feedback", "experiments:read", false)]
    [InlineData("GET", "/api/webhooks/5b7d/deliveries", "analytics:read", false)]
    [InlineData("POST", "/api/responses/5b7d/feedback", "experiments:create", false)]
    [InlineData("GET", "/api/feedback/agreement", "analytics:read", false)]
    [InlineData("POST", "/api/annotation-queues", "experiments:update", false)]
    [InlineData("GET", "/api/annotation-queues/5b7d/next", "experiments:read", false)]
    [InlineData("POST", "/api/annotation-queues/5b7d/items/6c8e/skip", "experiments:create", false)]
    [InlineData("DELETE", "/api/annotation-queues/5b7d", "experiments:delete", false)]
    [InlineData("POST", "/api/datasets/5b7d/versions/from-feedback", "experiments:create", false)]
    [InlineData("GET", "/api/something/new", "platform:unlisted", false)]
    [InlineData("POST", "/api/me", "platform:unlisted", false)]
    public void Each_route_and_method_needs_one_permission(string method, string path, string permission, bool ownerScoped)
    {
        var rule = RoutePermissions.For(new PathString(path), method);
        Assert.Equal(permission, rule.Permission);
        Assert.Equal(ownerScoped, rule.OwnerScoped);
    }
}
