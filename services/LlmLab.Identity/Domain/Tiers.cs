namespace LlmLab.Identity.Domain;

/// <summary>The limits tiers an organisation can be on.</summary>
public static class Tiers
{
    public const string Free = "free";
    public const string Premium = "premium";
    public const string Enterprise = "enterprise";

    public static readonly string[] All = [Free, Premium, Enterprise];
}
