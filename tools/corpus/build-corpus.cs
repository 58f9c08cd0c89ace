// Builds the built-in engine's English corpus from Debian's WordNet (wordnet-base) and the elements database
// (dict-elements). Deterministic: the same packages give the same file.
// Usage: dotnet run tools/corpus/build-corpus.cs -- <output.txt> [minimum sense count]
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

var output = args.Length > 0 ? args[0] : "corpus.txt";
var minimumCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
const string WordNet = "/usr/share/wordnet";
const string Elements = "/usr/share/dictd/elements.dict.dz";

var senseCounts = new Dictionary<string, int>(StringComparer.Ordinal);
foreach (var line in File.ReadLines(Path.Combine(WordNet, "cntlist.rev")))
{
    var parts = line.Split(' ');
    if (parts.Length == 3) senseCounts[parts[0]] = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
}

var paragraphs = new List<string>();
foreach (var line in File.ReadLines(Path.Combine(WordNet, "data.noun")))
{
    if (line.StartsWith(' ')) continue; // licence header
    var bar = line.IndexOf(" | ", StringComparison.Ordinal);
    if (bar < 0) continue;
    var fields = line[..bar].Split(' ');
    var lexFile = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    var wordCount = Convert.ToInt32(fields[3], 16);
    var words = new List<string>();
    var count = 0;
    for (var i = 0; i < wordCount; i++)
    {
        var lemma = fields[4 + 2 * i];
        var lexId = Convert.ToInt32(fields[5 + 2 * i], 16);
        var key = $"{lemma.ToLowerInvariant()}%1:{lexFile:00}:{lexId:00}::";
        count += senseCounts.GetValueOrDefault(key);
        words.Add(Regex.Replace(lemma, @"\(\w+\)$", "").Replace('_', ' '));
    }
    if (count < minimumCount) continue;
    paragraphs.Add(Paragraph(words, line[(bar + 3)..].Trim()));
}

paragraphs.AddRange(ElementParagraphs());
File.WriteAllText(output, string.Join("\n\n", paragraphs) + "\n");
Console.WriteLine($"{paragraphs.Count} paragraphs, {new FileInfo(output).Length:N0} bytes → {output}");

static string Paragraph(List<string> words, string gloss)
{
    var pieces = gloss.Split("; ");
    var definition = new StringBuilder();
    var examples = new List<string>();
    foreach (var piece in pieces)
    {
        var trimmed = piece.Trim();
        if (trimmed.StartsWith('"')) examples.Add(Sentence(trimmed.Trim('"')));
        else definition.Append(definition.Length > 0 ? "; " : "").Append(trimmed);
    }
    var head = char.ToUpperInvariant(words[0][0]) + words[0][1..];
    var text = Regex.Replace(definition.ToString(), @"^\((\w+)\) ", "in $1, ");
    var verb = Regex.IsMatch(text, @"^(a|an|the|any|one|some|in \w+,)\b") ? "is" : "means";
    return string.Join(" ", new[] { Sentence($"{head} {verb} {text}") }.Concat(examples));
}

static string Sentence(string text)
{
    text = text.Trim();
    if (text.Length == 0) return text;
    text = char.ToUpperInvariant(text[0]) + text[1..];
    return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
}

static IEnumerable<string> ElementParagraphs()
{
    using var stream = new GZipStream(File.OpenRead(Elements), CompressionMode.Decompress);
    using var reader = new StreamReader(stream);
    var blocks = reader.ReadToEnd().Split("\n\n");
    foreach (var block in blocks)
    {
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 4 || !lines[1].StartsWith("Symbol: ", StringComparison.Ordinal)) continue;
        var name = char.ToUpperInvariant(lines[0][0]) + lines[0][1..];
        var symbol = lines[1]["Symbol: ".Length..];
        var number = lines[2].StartsWith("Atomic number: ", StringComparison.Ordinal) ? lines[2]["Atomic number: ".Length..] : null;
        var description = string.Join(" ", lines.Skip(4));
        var text = new StringBuilder($"{name} is a chemical element with the symbol {symbol}");
        if (number is not null) text.Append($" and atomic number {number}");
        text.Append(". ").Append(Regex.Replace(description, @"\s+", " ").Replace("[", "").Replace("]", ""));
        yield return text.ToString().Trim();
    }
}
