return await CoBan.Workflow.Benchmarks.Timers.TimersSuite.RunAsync(args);
