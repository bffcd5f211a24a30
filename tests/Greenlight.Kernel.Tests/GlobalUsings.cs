// Orleans.Runtime is not global: its IRequest would shadow MediatR's (see Directory.Build.targets).
global using Microsoft.Extensions.DependencyInjection;
