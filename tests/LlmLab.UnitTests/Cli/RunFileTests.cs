using LlmLab.Cli.Config;
using LlmLab.UnitTests.Deploy;

namespace LlmLab.UnitTests.Cli;

/// <summary>Run files: what a valid file becomes, and every bad field reported with file:line:column and its name.</summary>
public sealed class RunFileTests
{
    private static ConfigException Refused(string yaml) => Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "ci.yaml"));

    [Fact]
    public void An_experiment_file_becomes_its_grid_and_gate_with_shorthand_and_mapping_checks()
    {
        var config = Assert.IsType<ExperimentConfig>(ConfigLoader.Parse("""
            kind: experiment
            name: rain
            prompt: Explain rain.
            grid:
              temperature: { min: 0.2, max: 1.0, step: 0.4 }
              top_p: 0.9
              max_tokens: 40
              response_count: 3
              seed: 7
            gates:
              checks:
                - overall_score >= 60
                - { metric: latency_p95_ms, op: "<=", value: 2000 }
              no_significant_regression: true
            timeout_seconds: 120
            """, "ci.yaml"));
        Assert.Equal(new ParameterRange(0.2, 1.0, 0.4), config.Temperature);
        Assert.Equal(0.9, config.TopP.Min);
        Assert.Equal(0.9, config.TopP.Max);
        Assert.Equal((40, 3, 7L), (config.MaxTokens, config.ResponseCount, config.Seed!.Value));
        Assert.Equal("local", config.Provider);
        Assert.Equal(TimeSpan.FromSeconds(120), config.Timeout);
        Assert.Equal([new GateCheckConfig("overall_score", ">=", 60, null), new GateCheckConfig("latency_p95_ms", "<=", 2000, null)], config.Gates!.Checks);
        Assert.True(config.Gates.NoSignificantRegression);
    }

    [Fact]
    public void An_evaluation_file_takes_plain_and_detailed_methods_and_per_method_checks()
    {
        var config = Assert.IsType<EvaluationConfig>(ConfigLoader.Parse("""
            kind: evaluation
            name: maths
            dataset: arithmetic
            sample_size: 10
            methods:
              - naive
              - method: agent
                label: agent-4
                options: { max_steps: 4 }
            parameters: { temperature: 0, max_tokens: 48 }
            gates:
              - exact_match >= 0.5
              - { metric: failure_rate, op: "<=", value: 0.1, method: agent-4 }
            """, "ci.yaml"));
        Assert.Equal(["naive", "agent"], config.Methods.Select(m => m.Method));
        Assert.Equal(4, config.Methods[1].MaxSteps);
        Assert.Equal("agent-4", config.Gates!.Checks[1].Method);
        Assert.Equal((0.0, 48), (config.Temperature!.Value, config.MaxTokens!.Value));
    }

    [Fact]
    public void Every_bad_field_is_named_with_its_line_and_column()
    {
        var refused = Refused("""
            kind: experiment
            name: x
            grid:
              temperature: { min: 0.2, max: 3, step: 0.1 }
              top_p: high
              max_tokenz: 5
            gates:
              - overall_score > 5
            """);
        Assert.Contains("ci.yaml:1:1: prompt: is required: the prompt to run.", refused.Errors);
        Assert.Contains(refused.Errors, e => e.StartsWith("ci.yaml:4:33: grid.temperature.max: must be between 0 and 2", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.StartsWith("ci.yaml:5:10: grid.top_p: must be a number", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.StartsWith("ci.yaml:6:3: grid.max_tokenz: is not a known field", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.StartsWith("ci.yaml:8:5: gates[0].op: must be >= or <= (got '>')", StringComparison.Ordinal));
        Assert.Equal(5, refused.Errors.Count);
    }

    [Theory]
    [InlineData("kind: training\nname: x", "ci.yaml:1:7: kind: must be experiment or evaluation (got 'training').")]
    [InlineData("name: x", "ci.yaml:1:1: kind: is required: experiment or evaluation")]
    [InlineData("kind: experiment\nname: x\nprompt: p\ntimeout_seconds: 0", "ci.yaml:4:18: timeout_seconds: must be between 1 and 86400 (got 0).")]
    [InlineData("kind: experiment\nname: x\nprompt: p\ngates:\n  - overall_score >= high", "ci.yaml:5:5: gates[0].value: must be a number (got 'high').")]
    [InlineData("kind: experiment\nname: x\nprompt: p\ngates: { no_significant_regression: false }", "ci.yaml:4:8: gates.checks: give at least one check")]
    [InlineData("kind: experiment\nname: x\nprompt: p\ngrid:\n  temperature: { min: 1, max: 0.5, step: 0.1 }", "ci.yaml:5:23: grid.temperature.min: must not exceed max.")]
    [InlineData("kind: evaluation\nname: x\nmethods: [naive]", "dataset: give exactly one of dataset")]
    [InlineData("kind: evaluation\nname: x\ndataset: d\nmethods: [naive, magic]", "ci.yaml:4:18: methods[1]: must be one of naive, cot")]
    [InlineData("kind: evaluation\nname: x\ndataset: d\nmethods: [naive]\ngates: [overall_score >= 1]", "gates[0].metric: an evaluation can check exact_match")]
    [InlineData("kind: evaluation\nname: x\ndataset: d\nmethods: [naive]\ngates: [{metric: f1, op: '>=', value: 1, method: cot}]", "names method 'cot', which the evaluation does not run")]
    [InlineData("kind: evaluation\nname: x\ndataset_file: missing.jsonl\nmethods: [naive]", "dataset_file: no such file")]
    public void A_bad_file_is_refused_naming_the_field(string yaml, string expected) =>
        Assert.Contains(Refused(yaml).Errors, e => e.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void A_yaml_syntax_error_names_its_line_and_an_unclosed_bracket_is_refused_too()
    {
        Assert.StartsWith("ci.yaml:3:", Assert.Single(Refused("kind: experiment\nname: x\nprompt: a: b\n").Errors), StringComparison.Ordinal);
        Assert.StartsWith("ci.yaml: yaml: not valid YAML", Assert.Single(Refused("kind: experiment\nname: [unclosed\nprompt: p\n").Errors),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_examples_are_valid_run_files()
    {
        var examples = Directory.GetFiles(Path.Combine(RenderedOverlay.RepoRoot, "examples"), "*.yaml");
        Assert.True(examples.Length >= 3);
        var kinds = examples.Select(ConfigLoader.Load).Select(c => c.GetType().Name).ToList();
        Assert.Contains(nameof(ExperimentConfig), kinds);
        Assert.Contains(nameof(EvaluationConfig), kinds);
    }
}
