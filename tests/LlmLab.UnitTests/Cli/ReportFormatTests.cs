using System.Text.Json;
using System.Xml.Linq;
using LlmLab.Cli;
using LlmLab.Cli.Output;
using LlmLab.Cli.Running;

namespace LlmLab.UnitTests.Cli;

/// <summary>The report formats of <c>llmlab run --output</c>: JUnit XML a CI can read, markdown tables, JSON with the exit code.</summary>
public sealed class ReportFormatTests
{
    private static RunReport Report(string status = "completed", bool gatePassed = false) => new(
        "experiment", "rain <grid>", "examples/rain.yaml", "0195f0b2-0000-7000-8000-000000000001", "0195f0b2-0000-7000-8000-000000000002", status,
        new ResultTable(["model", "overall_score"], [["tiny|v1", "61.5"], ["tiny", "58"]]),
        new GateOutcome(gatePassed,
        [
            new GateCheckOutcome("overall_score >= 60", "overall_score", ">=", 60, 59.75, gatePassed, "59.75 is below the minimum 60."),
            new GateCheckOutcome("failure_rate <= 0", "failure_rate", "<=", 0, 0, true, "0 meets <= 0."),
        ]),
        TimeSpan.FromSeconds(12.5));

    [Fact]
    public void Junit_has_one_case_per_check_and_a_failure_naming_the_failed_check()
    {
        var xml = XDocument.Parse(JUnitReport.Render(Report()));
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        Assert.Equal("3", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("0", suite.Attribute("errors")!.Value);
        Assert.Equal("12.5", suite.Attribute("time")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["run finished", "overall_score >= 60", "failure_rate <= 0"], cases.Select(c => c.Attribute("name")!.Value));
        var failure = Assert.Single(cases.SelectMany(c => c.Elements("failure")));
        Assert.Equal("overall_score >= 60", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("59.75 is below the minimum 60.", failure.Attribute("message")!.Value);
        Assert.Contains("actual 59.75", failure.Value, StringComparison.Ordinal);
        Assert.Equal("0195f0b2-0000-7000-8000-000000000001",
            suite.Element("properties")!.Elements("property").Single(p => p.Attribute("name")!.Value == "run_id").Attribute("value")!.Value);
    }

    [Fact]
    public void Junit_of_a_failed_run_reports_an_error_case()
    {
        var suite = XDocument.Parse(JUnitReport.Render(Report(status: "failed") with { Gate = null })).Root!.Element("testsuite")!;
        Assert.Equal(("1", "1", "0"), (suite.Attribute("tests")!.Value, suite.Attribute("errors")!.Value, suite.Attribute("failures")!.Value));
        Assert.Contains("ended failed", suite.Element("testcase")!.Element("error")!.Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_shows_the_verdict_the_results_and_the_checks_with_pipes_escaped()
    {
        var text = MarkdownReport.Render(Report());
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("## llmlab experiment: rain <grid> — gate failed", lines[0]);
        Assert.Contains("| model | overall_score |", lines);
        Assert.Contains("|---|---|", lines);
        Assert.Contains("| tiny\\|v1 | 61.5 |", lines);
        Assert.Contains("### Gate: failed", lines);
        Assert.Contains("| overall_score >= 60 | 59.75 | ❌ fail | 59.75 is below the minimum 60. |", lines);
        Assert.Contains("| failure_rate <= 0 | 0 | ✅ pass | 0 meets <= 0. |", lines);
    }

    [Fact]
    public void Json_carries_the_exit_code_the_rows_by_column_and_the_checks()
    {
        var json = JsonDocument.Parse(JsonReport.Render(Report())).RootElement;
        Assert.Equal(ExitCodes.GateFailed, json.GetProperty("exit_code").GetInt32());
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal("tiny|v1", json.GetProperty("results")[0].GetProperty("model").GetString());
        Assert.Equal(59.75, json.GetProperty("gate").GetProperty("checks")[0].GetProperty("actual").GetDouble());
    }

    [Theory]
    [InlineData("completed", true, ExitCodes.Passed)]
    [InlineData("completed_with_errors", true, ExitCodes.Passed)]
    [InlineData("completed", false, ExitCodes.GateFailed)]
    [InlineData("failed", true, ExitCodes.PlatformOrRun)]
    [InlineData("cancelled", false, ExitCodes.PlatformOrRun)]
    public void The_exit_code_follows_the_run_then_the_gate(string status, bool gatePassed, int expected) =>
        Assert.Equal(expected, Report(status, gatePassed).ExitCode);

    [Fact]
    public void A_run_without_a_gate_passes_when_it_completes() =>
        Assert.Equal(ExitCodes.Passed, (Report() with { Gate = null }).ExitCode);
}
