using System.Text;

namespace LlmLab.ServiceKit;

/// <summary>Redis glob patterns (SCAN MATCH): a literal part, such as a tenant id, is escaped so it matches only itself.</summary>
public static class RedisGlob
{
    public static string Escape(string literal)
    {
        var escaped = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if (c is '\\' or '*' or '?' or '[' or ']' or '^' or '-') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
