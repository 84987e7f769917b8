using CoBan.Workflow.Benchmarks.Harness;

// The timers suite measures a restart in a fresh process of this same program (--phase b-restart).
if (args.Length > 0 && args[0] == "--phase")
    return await CoBan.Workflow.Benchmarks.Timers.TimersSuite.RunAsync(args);
return Cli.Run(args);
