using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>Least privilege for every pod: a non-root user, a read-only root file system, no capabilities.</summary>
public static class SecurityProfile
{
    public static V1PodSecurityContext Pod(long user) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = user,
        RunAsGroup = user,
        FsGroup = user,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext Container(bool readOnlyRoot = true) => new()
    {
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = readOnlyRoot,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };
}
