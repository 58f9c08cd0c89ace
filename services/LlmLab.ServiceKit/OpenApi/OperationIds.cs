using System.Text;

namespace LlmLab.ServiceKit.OpenApi;

/// <summary>
/// A stable operation id from method and route ("GET api/experiments/{id:guid}" → "GetApiExperimentsById"), so generated
/// clients get readable, unique method names without every endpoint naming itself.
/// </summary>
public static class OperationIds
{
    public static string From(string method, string route)
    {
        var name = new StringBuilder(Pascal(method.ToLowerInvariant()));
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{'))
            {
                var parameter = segment.Trim('{', '}').Split(':', '=', '?')[0].TrimStart('*');
                name.Append("By").Append(Pascal(parameter));
            }
            else
            {
                name.Append(Pascal(segment));
            }
        }
        return name.ToString();
    }

    private static string Pascal(string text)
    {
        var result = new StringBuilder(text.Length);
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return result.ToString();
    }
}
