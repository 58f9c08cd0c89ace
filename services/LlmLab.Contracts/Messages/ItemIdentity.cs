using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LlmLab.Contracts.Messages;

/// <summary>
/// What makes two responses of different runs "the same item", so comparisons pair like with like. A grid item is its
/// exact parameters (temperature, top_p, max_tokens, penalties; prompt and model when the grid varies them — a run's
/// own prompt and model are what runs are compared on) and repetition index — never its position in the grid, which
/// means something else in another grid. A dataset item (evaluations) is its dataset item
/// id and repetition. The identity is a hash, so a long prompt is not repeated in every row.
/// </summary>
public static class ItemIdentity
{
    public static string ForGrid(string prompt, string model, double temperature, double topP, int maxTokens, double frequencyPenalty,
        double presencePenalty, int repetition)
    {
        var canonical = string.Join('\u001F', prompt, model, R(temperature), R(topP), maxTokens.ToString(CultureInfo.InvariantCulture),
            R(frequencyPenalty), R(presencePenalty));
        return $"grid:{Hash(canonical)}:{repetition.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>For evaluations: the dataset item (stable across versions of the dataset that keep the item) and repetition.</summary>
    public static string ForDatasetItem(string datasetItemId, int repetition) =>
        $"item:{Hash(datasetItemId)}:{repetition.ToString(CultureInfo.InvariantCulture)}";

    // Round-trip formatting: 0.7 and 0.70000001 are different parameters, 0.7 written twice is the same.
    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
