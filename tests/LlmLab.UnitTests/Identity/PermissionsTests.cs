using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;

namespace LlmLab.UnitTests.Identity;

public class PermissionsTests
{
    [Theory]
    [InlineData("admin", "tenant:erase", true)]
    [InlineData("admin", "platform:unlisted", true)]
    [InlineData("manager", "experiments:delete", true)]
    [InlineData("manager", "users:read", true)]
    [InlineData("manager", "users:write", false)]
    [InlineData("manager", "quality:read", false)]
    [InlineData("analyst", "experiments:create", true)]
    [InlineData("analyst", "experiments:update", false)]
    [InlineData("analyst", "quality:read", true)]
    [InlineData("analyst", "keys:read", false)]
    [InlineData("user", "experiments:read", false)]
    [InlineData("user", "analytics:read", false)]
    [InlineData("user", "llm:read", true)]
    [InlineData("nobody", "llm:read", false)]
    public void The_matrix_gives_each_role_its_permissions_on_shared_routes(string role, string permission, bool allowed) =>
        Assert.Equal(allowed, Permissions.Allows(role, [], permission, ownerScoped: false));

    [Fact]
    public void Own_grants_count_only_where_the_service_filters_by_the_caller()
    {
        Assert.True(Permissions.Allows(Roles.User, [], Permissions.ExperimentsDelete, ownerScoped: true));
        Assert.False(Permissions.Allows(Roles.User, [], Permissions.ExperimentsDelete, ownerScoped: false));
    }

    [Fact]
    public void Scopes_narrow_a_role_and_never_widen_it()
    {
        Assert.False(Permissions.Allows(Roles.Admin, ["experiments:read"], Permissions.ExperimentsCreate, false));
        Assert.True(Permissions.Allows(Roles.Admin, ["experiments:*"], Permissions.ExperimentsCreate, false));
        Assert.False(Permissions.Allows(Roles.Analyst, ["*"], Permissions.ExperimentsDelete, false));
    }

    [Theory]
    [InlineData("experiments:read", true)]
    [InlineData("experiments:*", true)]
    [InlineData("experiments:read:own", true)]
    [InlineData("*", true)]
    [InlineData("experiments", false)]
    [InlineData("nothing:*", false)]
    [InlineData("", false)]
    public void Only_grants_of_the_table_are_valid_scopes(string grant, bool known) => Assert.Equal(known, Permissions.IsKnownGrant(grant));

    [Fact]
    public void Effective_permissions_mark_own_only_ones()
    {
        var user = Permissions.Effective(Roles.User, []);
        Assert.Contains("experiments:read:own", user);
        Assert.Contains("analytics:read:own", user);
        Assert.Contains("llm:read", user);
        Assert.DoesNotContain("experiments:read", user);
        Assert.DoesNotContain("analytics:read", user);
    }

    [Fact]
    public void Issued_keys_are_prefixed_random_and_hashed_to_32_bytes()
    {
        var a = IssuedKeys.NewKey();
        var b = IssuedKeys.NewKey();
        Assert.StartsWith("llk_", a, StringComparison.Ordinal);
        Assert.Equal(47, a.Length);
        Assert.NotEqual(a, b);
        Assert.True(IssuedKeys.LooksIssued(a));
        Assert.False(IssuedKeys.LooksIssued("llmlab-dev-key"));
        Assert.Equal(32, IssuedKeys.Hash(a).Length);
        Assert.Equal(IssuedKeys.Hash(a), IssuedKeys.Hash(a));
    }
}
