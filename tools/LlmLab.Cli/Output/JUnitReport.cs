using System.Globalization;
using System.Xml.Linq;
using LlmLab.Cli.Running;

namespace LlmLab.Cli.Output;

/// <summary>
/// <c>--output junit</c>: one test suite per run, one test case per gate check (a failure carries the reason), and a
/// "run finished" case that is an error when the run itself failed — what CI systems show as a test report.
/// </summary>
public static class JUnitReport
{
    public static string Render(RunReport r)
    {
        var seconds = r.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var className = $"llmlab.{r.Kind}.{r.Name}";
        var cases = new List<XElement>
        {
            new("testcase", new XAttribute("classname", className), new XAttribute("name", "run finished"), new XAttribute("time", seconds),
                r.RunSucceeded ? null : new XElement("error", new XAttribute("message", $"run {r.RunId} ended {r.Status}"), new XAttribute("type", "run"))),
        };
        foreach (var check in r.Gate?.Checks ?? [])
        {
            cases.Add(new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", check.Name), new XAttribute("time", "0"),
                check.Passed ? null : new XElement("failure", new XAttribute("message", check.Reason), new XAttribute("type", "gate"),
                    FormattableString.Invariant($"{check.Name}: actual {check.Actual?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}. {check.Reason}"))));
        }
        var failures = r.Gate?.Checks.Count(c => !c.Passed) ?? 0;
        var errors = r.RunSucceeded ? 0 : 1;
        var suite = new XElement("testsuite",
            new XAttribute("name", $"{r.Kind}: {r.Name}"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures),
            new XAttribute("errors", errors), new XAttribute("skipped", 0), new XAttribute("time", seconds),
            new XElement("properties",
                Property("file", r.File), Property("run_id", r.RunId), Property("status", r.Status), Property("experiment_id", r.ExperimentId)),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "llmlab"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures),
                new XAttribute("errors", errors), new XAttribute("time", seconds), suite));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    private static XElement? Property(string name, string? value) =>
        value is null ? null : new XElement("property", new XAttribute("name", name), new XAttribute("value", value));

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(CultureInfo.InvariantCulture) { }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
