using Mash.Gateway;

await GatewayApp.RunAsync(args);
