using TorchSharp;
using static TorchSharp.torch;

namespace LlmLab.Training.Modeling;

/// <summary>
/// One job's network, Adam optimiser and plan: a gradient step on step s's batch, and the loss on the held-out text.
/// Losses are mean cross-entropy in nats per character.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private const int HoldoutBatch = 64;
    private readonly TorchSharp.Modules.Adam _optimizer;

    public TrainingSession(CharLstm network, CorpusPlan plan, double learningRate, int vocabularySize)
    {
        Network = network;
        Plan = plan;
        VocabularySize = vocabularySize;
        _optimizer = torch.optim.Adam(network.parameters(), learningRate);
    }

    public CharLstm Network { get; }
    public CorpusPlan Plan { get; }
    public int VocabularySize { get; }

    public double TrainStep(int step)
    {
        using var scope = torch.NewDisposeScope();
        Network.train();
        var (input, target) = Batch(Plan.Train, Plan.BatchOf(step));
        _optimizer.zero_grad();
        var loss = Loss(input, target);
        loss.backward();
        torch.nn.utils.clip_grad_norm_(Network.parameters(), 1.0);
        _optimizer.step();
        return loss.item<float>();
    }

    public double HoldoutLoss()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Network.eval();
        double sum = 0;
        var windows = Plan.HoldoutWindows;
        for (var i = 0; i < windows.Count; i += HoldoutBatch)
        {
            var starts = windows.Skip(i).Take(HoldoutBatch).ToArray();
            var (input, target) = Batch(Plan.Holdout, starts);
            sum += Loss(input, target).item<float>() * starts.Length;
        }
        return sum / windows.Count;
    }

    public byte[] SaveOptimizer() => WeightsCodec.Save(_optimizer);

    public void LoadOptimizer(byte[] state) => WeightsCodec.Load(_optimizer, state);

    private Tensor Loss(Tensor input, Tensor target) =>
        torch.nn.functional.cross_entropy(Network.forward(input).reshape(-1, VocabularySize), target);

    private (Tensor Input, Tensor Target) Batch(long[] ids, IReadOnlyList<int> starts)
    {
        var length = Plan.ContextLength;
        var input = new long[starts.Count * length];
        var target = new long[starts.Count * length];
        for (var b = 0; b < starts.Count; b++)
        {
            Array.Copy(ids, starts[b], input, b * length, length);
            Array.Copy(ids, starts[b] + 1, target, b * length, length);
        }
        return (torch.tensor(input, [starts.Count, length]), torch.tensor(target, [starts.Count * length]));
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        Network.Dispose();
    }
}
