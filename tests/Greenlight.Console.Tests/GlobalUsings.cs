global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using System.Text.RegularExpressions;
global using Greenlight.Testing;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
