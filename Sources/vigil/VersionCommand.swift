import VigilCore
import VigilDevices

let versionCommand = Command(
    spec: CommandSpec(name: "version", summary: "print the version, the build and the C libraries linked in"),
    run: { _ throws(UsageError) in
        printVersion()
        return 0
    })

func printVersion() {
    print("vigil " + VigilVersion.build)
    print(LinkedLibraries.summary)
}
